//! `Db` over a rusqlite connection or transaction. Statements are cached per connection, as the
//! store's hot paths (an op, a phone's view) run the same few again and again.

use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{Connection, Row, ToSql};

use crate::db::{Db, DbRow, Engine, Value};
use crate::StoreError;

pub(crate) struct SqliteDb<'a>(pub &'a Connection);

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Owned(SqlValue::Null),
            Value::Int(n) => ToSqlOutput::Owned(SqlValue::Integer(*n)),
            Value::Real(x) => ToSqlOutput::Owned(SqlValue::Real(*x)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Flag(b) => ToSqlOutput::Owned(SqlValue::Integer(i64::from(*b))),
        })
    }
}

impl Db for SqliteDb<'_> {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn exec(&self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        let n = self.0.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))?;
        Ok(n as u64)
    }

    fn each(&self, sql: &str, params: &[Value], each: &mut dyn FnMut(&dyn DbRow) -> Result<bool, StoreError>) -> Result<(), StoreError> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            if !each(&SqliteRow(row))? {
                break;
            }
        }
        Ok(())
    }
}

struct SqliteRow<'a, 'b>(&'a Row<'b>);

fn column<T: rusqlite::types::FromSql>(row: &Row, i: usize) -> Result<Option<T>, StoreError> {
    row.get::<_, Option<T>>(i).map_err(|e| match e {
        // A value of another type than the column should hold: the file was edited or damaged.
        rusqlite::Error::InvalidColumnType(..) | rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::IntegralValueOutOfRange(..) => {
            StoreError::Decode(format!("column {i}: {e}"))
        }
        e => StoreError::Sqlite(e),
    })
}

impl DbRow for SqliteRow<'_, '_> {
    fn text(&self, i: usize) -> Result<Option<String>, StoreError> {
        column(self.0, i)
    }
    fn int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        column(self.0, i)
    }
    fn real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        column(self.0, i)
    }
    fn flag(&self, i: usize) -> Result<Option<bool>, StoreError> {
        column(self.0, i)
    }
}
