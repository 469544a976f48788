//! A connection of its own for a side task (the accounts, publishing events): made on first use,
//! and again when the server closed it (a restart, a failover). One caller at a time.

use std::sync::Mutex;

use postgres::{Client, Config, NoTls};

use crate::StoreError;

pub(crate) struct Lazy {
    client: Mutex<Option<Client>>,
    config: Config,
}

impl Lazy {
    pub(crate) fn new(config: Config) -> Lazy {
        Lazy { client: Mutex::new(None), config }
    }

    /// Runs `f` on the connection, connecting first when there is none or it was closed.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut slot = self.client.lock().unwrap_or_else(|p| p.into_inner());
        let client = match slot.take() {
            Some(c) if !c.is_closed() => c,
            _ => self.config.connect(NoTls)?,
        };
        f(slot.insert(client))
    }
}
