//! The SQL the library's logic speaks, over either engine: one connection or transaction (`Db`),
//! the rows it gives back (`DbRow`), and the values bound into its statements (`Value`).
//!
//! Statements are written once, in the subset SQLite and PostgreSQL share: numbered parameters
//! `?1 … ?N` (the PostgreSQL side reads them as `$1 … $N`), `TRUE`/`FALSE`, `RETURNING`,
//! `ON CONFLICT … DO UPDATE`, no `IS` between a column and a parameter (a `None` key is written as
//! `IS NULL` instead, which both engines can look up in an index).

use polku_core::{BoardKind, Id, Language, Sentiment};

use crate::StoreError;

/// Which engine a `Db` talks to, for the few things that differ (locking, counters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound into a statement. A null carries no type: each engine binds it to whatever the
/// column is.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Flag(bool),
}

/// What can be bound into a statement, taken by reference so a record's fields bind as they are.
pub trait ToValue {
    fn to_value(&self) -> Value;
}

macro_rules! to_value {
    ($($t:ty => |$x:ident| $e:expr),* $(,)?) => {
        $(impl ToValue for $t {
            fn to_value(&self) -> Value {
                let $x = self;
                $e
            }
        })*
    };
}
to_value! {
    i64 => |x| Value::Int(*x),
    i32 => |x| Value::Int(i64::from(*x)),
    u32 => |x| Value::Int(i64::from(*x)),
    i8 => |x| Value::Int(i64::from(*x)),
    f64 => |x| Value::Real(*x),
    bool => |x| Value::Flag(*x),
    str => |x| Value::Text(x.to_string()),
    String => |x| Value::Text(x.clone()),
    Id => |x| Value::Text(x.to_string()),
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

/// `vals![a, b, c]`: the parameters of a statement, in order.
#[macro_export]
#[doc(hidden)]
macro_rules! vals {
    ($($v:expr),* $(,)?) => { &[$($crate::db::ToValue::to_value(&$v)),*] as &[$crate::db::Value] };
}
pub(crate) use vals;

/// One row of a result. Columns are read by position; a column of the wrong type or a null where
/// a value must be is a `Decode` error naming the column, never a panic.
pub trait DbRow {
    fn text(&self, i: usize) -> Result<Option<String>, StoreError>;
    fn int(&self, i: usize) -> Result<Option<i64>, StoreError>;
    fn real(&self, i: usize) -> Result<Option<f64>, StoreError>;
    fn flag(&self, i: usize) -> Result<Option<bool>, StoreError>;
}

/// A connection or a transaction of either engine.
pub trait Db {
    fn engine(&self) -> Engine;
    /// Runs a statement; how many rows it changed.
    fn exec(&self, sql: &str, params: &[Value]) -> Result<u64, StoreError>;
    /// Runs a query, handing each row to `each` until it answers false.
    fn each(&self, sql: &str, params: &[Value], each: &mut dyn FnMut(&dyn DbRow) -> Result<bool, StoreError>) -> Result<(), StoreError>;
}

impl dyn Db + '_ {
    /// The first row, read by `read`; None when there is none.
    pub fn one<T>(&self, sql: &str, params: &[Value], mut read: impl FnMut(&dyn DbRow) -> Result<T, StoreError>) -> Result<Option<T>, StoreError> {
        let mut out = None;
        self.each(sql, params, &mut |row| {
            out = Some(read(row)?);
            Ok(false)
        })?;
        Ok(out)
    }

    /// Every row, each read by `read`.
    pub fn all<T>(&self, sql: &str, params: &[Value], mut read: impl FnMut(&dyn DbRow) -> Result<T, StoreError>) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        self.each(sql, params, &mut |row| {
            out.push(read(row)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// A yes/no literal as the engine writes it: SQLite keeps flags as 1 and 0 (and matches a
    /// partial index's `WHERE face_down = 1` only when the query says the same), PostgreSQL as
    /// booleans.
    pub fn flag(&self, yes: bool) -> &'static str {
        match (self.engine(), yes) {
            (Engine::Sqlite, true) => "1",
            (Engine::Sqlite, false) => "0",
            (Engine::Postgres, true) => "TRUE",
            (Engine::Postgres, false) => "FALSE",
        }
    }

    /// Whether the query gives any row.
    pub fn exists(&self, sql: &str, params: &[Value]) -> Result<bool, StoreError> {
        Ok(self.one(sql, params, |_| Ok(()))?.is_some())
    }

    /// The first column of the first row as a number (a count, a sequence number).
    pub fn number(&self, sql: &str, params: &[Value]) -> Result<i64, StoreError> {
        self.one(sql, params, |r| req(r.int(0)?, 0))?.ok_or_else(|| StoreError::Decode(format!("no row from {sql}")))
    }
}

fn req<T>(v: Option<T>, i: usize) -> Result<T, StoreError> {
    v.ok_or_else(|| StoreError::Decode(format!("column {i} is null")))
}

/// Reading columns as core values. Text that should hold an id or an enum name is checked, so a
/// hand-edited database gives a clear error instead of a panic.
impl dyn DbRow + '_ {
    pub fn str(&self, i: usize) -> Result<String, StoreError> {
        req(self.text(i)?, i)
    }
    pub fn i64(&self, i: usize) -> Result<i64, StoreError> {
        req(self.int(i)?, i)
    }
    pub fn u32(&self, i: usize) -> Result<u32, StoreError> {
        let n = self.i64(i)?;
        u32::try_from(n).map_err(|_| StoreError::Decode(format!("column {i}: {n} is out of range")))
    }
    pub fn opt_i8(&self, i: usize) -> Result<Option<i8>, StoreError> {
        self.int(i)?.map(|n| i8::try_from(n).map_err(|_| StoreError::Decode(format!("column {i}: {n} is out of range")))).transpose()
    }
    pub fn f64(&self, i: usize) -> Result<f64, StoreError> {
        req(self.real(i)?, i)
    }
    pub fn bool(&self, i: usize) -> Result<bool, StoreError> {
        req(self.flag(i)?, i)
    }
    pub fn id(&self, i: usize) -> Result<Id, StoreError> {
        parse_id(&self.str(i)?, i)
    }
    pub fn opt_id(&self, i: usize) -> Result<Option<Id>, StoreError> {
        self.text(i)?.map(|s| parse_id(&s, i)).transpose()
    }
    pub fn named<T>(&self, i: usize, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
        let s = self.str(i)?;
        parse(&s).ok_or_else(|| StoreError::Decode(format!("column {i}: unknown value {s:?}")))
    }
    pub fn language(&self, i: usize) -> Result<Language, StoreError> {
        self.named(i, Language::parse)
    }
    pub fn board_kind(&self, i: usize) -> Result<BoardKind, StoreError> {
        self.named(i, BoardKind::parse)
    }
    pub fn opt_sentiment(&self, i: usize) -> Result<Option<Sentiment>, StoreError> {
        match self.text(i)? {
            None => Ok(None),
            Some(s) => Sentiment::parse(&s).map(Some).ok_or_else(|| StoreError::Decode(format!("column {i}: unknown sentiment {s:?}"))),
        }
    }
    /// A JSON column, read into its type; `what` names it in an error.
    pub fn json<T: serde::de::DeserializeOwned>(&self, i: usize, what: &str) -> Result<T, StoreError> {
        let s = self.str(i)?;
        serde_json::from_str(&s).map_err(|e| StoreError::Decode(format!("{what}: {e}")))
    }
    pub fn opt_json<T: serde::de::DeserializeOwned>(&self, i: usize, what: &str) -> Result<Option<T>, StoreError> {
        self.text(i)?.map(|s| serde_json::from_str(&s).map_err(|e| StoreError::Decode(format!("{what}: {e}")))).transpose()
    }
}

fn parse_id(s: &str, i: usize) -> Result<Id, StoreError> {
    Id::parse_str(s).map_err(|e| StoreError::Decode(format!("column {i}: {s:?} is not an id ({e})")))
}

/// A value as JSON text, for the columns that keep a structure whole.
pub(crate) fn to_json(value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Decode(e.to_string()))
}

/// `column = ?n`, or `column IS NULL` for no key: the same rows as SQLite's `IS ?n`, in a form
/// both engines find through an index. The parameter (bound as null then) is still named, typed,
/// so that the statement takes the same parameters either way.
pub(crate) fn matches(column: &str, n: usize, key: Option<Id>) -> String {
    match key {
        Some(_) => format!("{column} = ?{n}"),
        None => format!("({column} IS NULL AND CAST(?{n} AS TEXT) IS NULL)"),
    }
}
