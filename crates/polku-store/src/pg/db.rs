//! `Db` over a PostgreSQL transaction. Statements are written with SQLite's `?N` and read here as
//! PostgreSQL's `$N`; each is prepared once per connection and kept. A `Value` is encoded as the
//! type PostgreSQL expects at its place (an integer for a BIGINT or an INTEGER column, say), so
//! the shared statements need no casts.

use std::cell::RefCell;
use std::collections::HashMap;
use std::error::Error;

use bytes::BytesMut;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Row, Statement, Transaction};

use crate::db::{Db, DbRow, Engine, Value};
use crate::StoreError;

pub(crate) type Statements = HashMap<String, Statement>;

pub(crate) struct PgDb<'a, 'c> {
    pub tx: RefCell<Transaction<'c>>,
    pub statements: &'a RefCell<Statements>,
}

/// `?12` → `$12`. Our statements hold no `?` in a string literal or a name.
pub(crate) fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

impl PgDb<'_, '_> {
    fn statement(&self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let prepared = self.tx.borrow_mut().prepare(&dollar_params(sql))?;
        self.statements.borrow_mut().insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }
}

fn refs(params: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Db for PgDb<'_, '_> {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn exec(&self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        if params.is_empty() && !sql.contains('?') {
            // SAVEPOINT and its kin: sent as they are (they cannot be prepared).
            self.tx.borrow_mut().batch_execute(sql)?;
            return Ok(0);
        }
        let statement = self.statement(sql)?;
        Ok(self.tx.borrow_mut().execute(&statement, &refs(params))?)
    }

    fn each(&self, sql: &str, params: &[Value], each: &mut dyn FnMut(&dyn DbRow) -> Result<bool, StoreError>) -> Result<(), StoreError> {
        let statement = self.statement(sql)?;
        // The rows come whole; our reads are bounded (a workshop, a page of notes).
        let rows = self.tx.borrow_mut().query(&statement, &refs(params))?;
        for row in &rows {
            if !each(&PgRow(row))? {
                break;
            }
        }
        Ok(())
    }
}

impl ToSql for Value {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(n), &Type::INT8) => n.to_sql(ty, out),
            (Value::Int(n), &Type::INT4) => i32::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::INT2) => i16::try_from(*n)?.to_sql(ty, out),
            (Value::Int(n), &Type::FLOAT8) => (*n as f64).to_sql(ty, out),
            (Value::Real(x), &Type::FLOAT8) => x.to_sql(ty, out),
            (Value::Real(x), &Type::FLOAT4) => (*x as f32).to_sql(ty, out),
            (Value::Text(s), _) if <&str as ToSql>::accepts(ty) => s.as_str().to_sql(ty, out),
            (Value::Flag(b), &Type::BOOL) => b.to_sql(ty, out),
            (v, ty) => Err(format!("{v:?} cannot be bound to a {ty} parameter").into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

struct PgRow<'a>(&'a Row);

impl PgRow<'_> {
    fn get<T: for<'b> postgres::types::FromSql<'b>>(&self, i: usize) -> Result<Option<T>, StoreError> {
        self.0.try_get::<_, Option<T>>(i).map_err(|e| StoreError::Decode(format!("column {i}: {e}")))
    }

    fn ty(&self, i: usize) -> Result<&Type, StoreError> {
        self.0.columns().get(i).map(|c| c.type_()).ok_or_else(|| StoreError::Decode(format!("no column {i}")))
    }
}

impl DbRow for PgRow<'_> {
    fn text(&self, i: usize) -> Result<Option<String>, StoreError> {
        self.get(i)
    }
    fn int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match *self.ty(i)? {
            Type::INT4 => Ok(self.get::<i32>(i)?.map(i64::from)),
            Type::INT2 => Ok(self.get::<i16>(i)?.map(i64::from)),
            _ => self.get(i),
        }
    }
    fn real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        match *self.ty(i)? {
            Type::FLOAT4 => Ok(self.get::<f32>(i)?.map(f64::from)),
            Type::INT8 => Ok(self.get::<i64>(i)?.map(|n| n as f64)),
            _ => self.get(i),
        }
    }
    fn flag(&self, i: usize) -> Result<Option<bool>, StoreError> {
        self.get(i)
    }
}
