//! The open joins of one host: in memory on the laptop; on a team server each workshop's join
//! is read from the database into a `Joins` of its own for one change (see `Host::with_joins`),
//! so `Join` and `DeviceState` are serialisable, less what only one process can hold.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use polku_core::{Id, Millis};

use super::network;
use super::secret::{self, same};
use super::{Device, DeviceStanding, JoinDevice, JoinStatus, Joined, ParticipantNote, CODE_FAILURES_PER_MINUTE, MAX_DEVICES};
use crate::{ApiError, ErrorCode};

/// A failed short code, and a device's write, count for this long against their limits.
const FAILURE_WINDOW_MS: Millis = 60_000;
/// Writes (notes added, changed, deleted) one device may make in a minute: a person types well
/// under one a second, and a phone sending what it kept while offline stays far below this.
pub const DEVICE_WRITES_PER_MINUTE: usize = 300;
/// Op ids one device's answers are remembered for (a retry after more than this many later ops
/// is refused rather than done twice).
const MAX_REMEMBERED_OPS: usize = 2_000;

#[derive(Default)]
pub(crate) struct Joins {
    open: HashMap<Id, Join>,
    /// When recent wrong short codes were tried, over all joins: the code is 40 bits, so guesses
    /// are what limits it.
    code_failures: VecDeque<Millis>,
    /// A team server's address, where every join's phones go (`https://polku.kunta.fi`).
    public: Option<String>,
}

/// One workshop's open join.
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Join {
    pub token: String,
    /// Unformatted; `None` once too many wrong codes were tried.
    pub code: Option<String>,
    pub ask_first: bool,
    pub show_others: bool,
    pub boards: Vec<Id>,
    /// Boards participants may still see but no longer change: nothing added, edited or deleted.
    pub locked: Vec<Id>,
    pub follow: Option<Id>,
    pub bring: Option<super::PhoneBring>,
    /// Notes from phones keep their writer's nickname (`set_note_names`).
    pub names: bool,
    pub devices: Vec<DeviceState>,
    /// When it closes by itself (`open_join`'s `open_hours` after opening, or `extend_join`), so a
    /// join the facilitator forgot does not stay a way in. None only for a join kept by a version
    /// before this; it stays open until closed.
    #[serde(default)]
    pub closes_at: Option<Millis>,
    /// Where its phones connect, when the host listens on a network.
    #[serde(skip)]
    pub listening: Option<SocketAddr>,
}

impl Join {
    /// Whether its time is up at `now`.
    pub fn expired(&self, now: Millis) -> bool {
        self.closes_at.is_some_and(|at| now >= at)
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct DeviceState {
    pub id: Id,
    /// [`secret::hashed`] of the device's secret.
    secret_hash: String,
    pub nickname: String,
    pub joined_at: Millis,
    pub pending: bool,
    /// The notes this device wrote (with their boards): the only ones it may change.
    pub notes: HashMap<Id, Id>,
    /// What each of its ops answered, so a retry gets the same answer and changes nothing.
    answers: HashMap<Id, Option<ParticipantNote>>,
    /// When its recent writes were made, for `DEVICE_WRITES_PER_MINUTE`.
    writes: VecDeque<Millis>,
    /// Held while one of its writes is in the store: a device's writes (a retry racing its first
    /// try) go one at a time, without holding every device's join state meanwhile. (On a team
    /// server a retry may reach another instance: there the store's op id keeps it from being
    /// applied twice.)
    #[serde(skip)]
    pub writing: Arc<Mutex<()>>,
    /// The opaque key this device's dots are kept under in each vote it voted in: a new one per
    /// vote, so its dots in two votes cannot be put together, and never its id or nickname.
    pub voters: HashMap<Id, String>,
}

impl DeviceState {
    pub fn answer(&self, op_id: Id) -> Option<&Option<ParticipantNote>> {
        self.answers.get(&op_id)
    }

    /// Counts one write, or refuses it when the device is over its rate.
    pub fn spend(&mut self, now: Millis) -> Result<(), ApiError> {
        self.writes.retain(|&t| now - t < FAILURE_WINDOW_MS);
        if self.writes.len() >= DEVICE_WRITES_PER_MINUTE {
            return Err(ApiError::with_field(ErrorCode::TooLarge, "this device is sending faster than a person writes", "rate"));
        }
        self.writes.push_back(now);
        Ok(())
    }

    pub fn remember(&mut self, op_id: Id, answer: Option<ParticipantNote>) -> Result<(), ApiError> {
        if self.answers.len() >= MAX_REMEMBERED_OPS {
            return Err(ApiError::with_field(ErrorCode::TooLarge, "this device has sent too many changes", "ops"));
        }
        self.answers.insert(op_id, answer);
        Ok(())
    }
}

fn refused(field: &str, message: &str) -> ApiError {
    ApiError::with_field(ErrorCode::Forbidden, message, field)
}

impl Joins {
    /// One workshop's join (or none) read from a team library, `public` its phones' address.
    pub fn single(workshop_id: Id, join: Option<Join>, public: Option<String>) -> Joins {
        Joins { open: join.into_iter().map(|j| (workshop_id, j)).collect(), code_failures: VecDeque::new(), public }
    }

    /// The workshop's join as it is now, to be written back.
    pub fn take(mut self, workshop_id: Id) -> Option<Join> {
        self.open.remove(&workshop_id)
    }

    pub fn get(&self, workshop_id: Id) -> Option<&Join> {
        self.open.get(&workshop_id)
    }

    pub fn get_mut(&mut self, workshop_id: Id) -> Result<&mut Join, ApiError> {
        self.open
            .get_mut(&workshop_id)
            .ok_or_else(|| ApiError::with_field(ErrorCode::NotFound, "joining is not open for this workshop", "join"))
    }

    /// Opens a join with a new link and code, or keeps the open one's.
    pub fn open(&mut self, workshop_id: Id) -> &mut Join {
        self.open.entry(workshop_id).or_insert_with(|| Join {
            token: secret::token(),
            code: Some(secret::code()),
            ask_first: false,
            show_others: false,
            boards: Vec::new(),
            locked: Vec::new(),
            follow: None,
            bring: None,
            names: false,
            devices: Vec::new(),
            closes_at: None,
            listening: None,
        })
    }

    /// Closes `workshop_id`'s join if its time is up at `now`; whether it did.
    pub fn close_if_expired(&mut self, workshop_id: Id, now: Millis) -> bool {
        if self.open.get(&workshop_id).is_some_and(|j| j.expired(now)) {
            return self.close(workshop_id);
        }
        false
    }

    pub fn open_ids(&self) -> Vec<Id> {
        self.open.keys().copied().collect()
    }

    /// Whether there was a join to close.
    pub fn close(&mut self, workshop_id: Id) -> bool {
        self.open.remove(&workshop_id).is_some()
    }

    /// The workshop whose link or code `key` is, if that is `at`. A wrong code counts against the
    /// budget; past it, every code stops working until the facilitator makes a new one.
    pub fn find(&mut self, key: &str, at: Id, now: Millis) -> Result<Id, ApiError> {
        let key = key.trim();
        let code = secret::normalize_code(key);
        let mut found = None;
        // Every join is compared, found or not, so the time taken says nothing about which.
        for (&id, join) in &self.open {
            let by_token = same(key, &join.token);
            let by_code = join.code.as_deref().is_some_and(|c| same(&code, c));
            if (by_token | by_code) & (id == at) {
                found = Some(id);
            }
        }
        if let Some(id) = found {
            return Ok(id);
        }
        if secret::looks_like_code(&code) {
            self.code_failed(now);
        }
        Err(refused("join", "this link or code does not open any join; ask the facilitator for the link"))
    }

    fn code_failed(&mut self, now: Millis) {
        self.code_failures.retain(|&t| now - t < FAILURE_WINDOW_MS);
        self.code_failures.push_back(now);
        if self.code_failures.len() >= CODE_FAILURES_PER_MINUTE {
            for join in self.open.values_mut() {
                join.code = None;
            }
            self.code_failures.clear();
        }
    }

    pub fn nicknames(&self, workshop_id: Id) -> Vec<String> {
        self.open.get(&workshop_id).map(|j| j.devices.iter().map(|d| d.nickname.clone()).collect()).unwrap_or_default()
    }

    pub fn add_device(&mut self, key: &str, at: Id, nickname: String, now: Millis) -> Result<Joined, ApiError> {
        let workshop_id = self.find(key, at, now)?;
        let join = self.get_mut(workshop_id)?;
        if join.devices.len() >= MAX_DEVICES {
            return Err(ApiError::with_field(ErrorCode::TooLarge, "this join is full", "devices"));
        }
        let secret = secret::device_secret();
        let device = DeviceState {
            id: secret::random_id(),
            secret_hash: secret::hashed(&secret),
            nickname,
            joined_at: now,
            pending: join.ask_first,
            notes: HashMap::new(),
            answers: HashMap::new(),
            writes: VecDeque::new(),
            writing: Arc::default(),
            voters: HashMap::new(),
        };
        let joined = Joined {
            workshop_id,
            device_id: device.id,
            secret,
            nickname: device.nickname.clone(),
            pending: device.pending,
        };
        join.devices.push(device);
        Ok(joined)
    }

    /// The device whose secret this is, let in or waiting, with what it may see.
    pub fn standing(&self, presented: &str) -> Option<DeviceStanding> {
        let (workshop_id, d) = self.holder(presented)?;
        self.standing_of(&Device { workshop_id, device_id: d.id })
    }

    /// A device by its id (not a secret: for a stream already let in by its secret), with what it
    /// may see now; None once it is removed or the join closed.
    pub fn standing_of(&self, device: &Device) -> Option<DeviceStanding> {
        let join = self.open.get(&device.workshop_id)?;
        let d = join.devices.iter().find(|d| d.id == device.device_id)?;
        Some(DeviceStanding { device: *device, pending: d.pending, boards: join.boards.clone() })
    }

    /// The device whose secret this is, if it is let in to the join of workshop `at`.
    pub fn authenticate(&self, presented: &str, at: Id) -> Result<Device, ApiError> {
        match self.holder(presented).filter(|(workshop_id, _)| *workshop_id == at) {
            None => Err(refused("device", "this device is not in this join")),
            Some((_, d)) if d.pending => Err(refused("pending", "the facilitator has not let this device in yet")),
            Some((workshop_id, d)) => Ok(Device { workshop_id, device_id: d.id }),
        }
    }

    fn holder(&self, presented: &str) -> Option<(Id, &DeviceState)> {
        let presented = secret::hashed(presented);
        let mut found = None;
        for (&workshop_id, join) in &self.open {
            for d in &join.devices {
                if same(&presented, &d.secret_hash) {
                    found = Some((workshop_id, d));
                }
            }
        }
        found
    }

    pub fn device_mut(&mut self, device: &Device) -> Result<&mut DeviceState, ApiError> {
        let join = self.open.get_mut(&device.workshop_id).ok_or_else(|| refused("device", "joining was closed"))?;
        join.devices.iter_mut().find(|d| d.id == device.device_id).ok_or_else(|| refused("device", "this device was removed"))
    }

    /// The facilitator's view of the workshop's join.
    pub fn status(&self, workshop_id: Id) -> JoinStatus {
        let Some(j) = self.open.get(&workshop_id) else {
            return JoinStatus {
                workshop_id,
                open: false,
                token: None,
                link: None,
                code: None,
                ask_first: false,
                show_others: false,
                boards: Vec::new(),
                locked: Vec::new(),
                follow: None,
                names: false,
                devices: Vec::new(),
                joined: 0,
                waiting: 0,
                url: None,
                qr: None,
                address: None,
                code_url: None,
                closes_at: None,
            };
        };
        let devices: Vec<JoinDevice> = j
            .devices
            .iter()
            .map(|d| JoinDevice { id: d.id, nickname: d.nickname.clone(), joined_at: d.joined_at, pending: d.pending })
            .collect();
        let waiting = devices.iter().filter(|d| d.pending).count() as u32;
        let urls = match &self.public {
            Some(public) => Some(network::public_urls(public, &j.token)),
            None => j.listening.map(|addr| network::urls(addr, &j.token)),
        };
        let (url, code_url) = urls.map_or((None, None), |(u, c)| (Some(u), Some(c)));
        JoinStatus {
            workshop_id,
            open: true,
            token: Some(j.token.clone()),
            link: Some(format!("/j/{}", j.token)),
            code: j.code.as_deref().map(secret::format_code),
            ask_first: j.ask_first,
            show_others: j.show_others,
            boards: j.boards.clone(),
            locked: j.locked.clone(),
            follow: j.follow,
            names: j.names,
            joined: devices.len() as u32 - waiting,
            waiting,
            devices,
            // A link is far below the QR code's limit; were it not, the link alone still works.
            qr: url.as_deref().and_then(|u| crate::qr_picture(u).ok()),
            url,
            address: j.listening.map(|a| a.to_string()).or_else(|| self.public.clone()),
            code_url,
            closes_at: j.closes_at,
        }
    }
}

impl Join {
    pub fn renew_code(&mut self) {
        self.code = Some(secret::code());
    }

    /// Removes a device; its secret stops working with the next call.
    pub fn remove(&mut self, device_id: Id) -> Result<(), ApiError> {
        let before = self.devices.len();
        self.devices.retain(|d| d.id != device_id);
        if self.devices.len() == before {
            return Err(ApiError::with_field(ErrorCode::NotFound, "no such device in this join", "device"));
        }
        Ok(())
    }

    pub fn device_mut(&mut self, device_id: Id) -> Result<&mut DeviceState, ApiError> {
        self.devices
            .iter_mut()
            .find(|d| d.id == device_id)
            .ok_or_else(|| ApiError::with_field(ErrorCode::NotFound, "no such device in this join", "device"))
    }
}
