//! Turning rows into core values. Text columns that should hold ids or enum names are checked,
//! so a hand-edited database gives a clear error instead of a panic.

use polku_core::{BoardKind, Id, Language, Sentiment};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Row, ToSql};

/// An id column.
pub(crate) struct DbId(pub Id);

impl FromSql for DbId {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        Id::parse_str(s).map(DbId).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for DbId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.to_string()))
    }
}

pub(crate) fn id(row: &Row, i: usize) -> rusqlite::Result<Id> {
    row.get::<_, DbId>(i).map(|d| d.0)
}

pub(crate) fn opt_id(row: &Row, i: usize) -> rusqlite::Result<Option<Id>> {
    row.get::<_, Option<DbId>>(i).map(|d| d.map(|d| d.0))
}

pub(crate) fn opt_str(id: Option<Id>) -> Option<String> {
    id.map(|i| i.to_string())
}

pub(crate) fn named<T>(row: &Row, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = row.get(i)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown value {s:?}").into())
    })
}

pub(crate) fn language(row: &Row, i: usize) -> rusqlite::Result<Language> {
    named(row, i, Language::parse)
}

pub(crate) fn board_kind(row: &Row, i: usize) -> rusqlite::Result<BoardKind> {
    named(row, i, BoardKind::parse)
}

pub(crate) fn opt_sentiment(row: &Row, i: usize) -> rusqlite::Result<Option<Sentiment>> {
    let s: Option<String> = row.get(i)?;
    match s {
        None => Ok(None),
        Some(s) => Sentiment::parse(&s).map(Some).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown sentiment {s:?}").into())
        }),
    }
}
