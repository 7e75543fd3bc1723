//! Today's date and the present instant for the dev tools' checks of expired items and past events (a leaf
//! module: the data check, the CSV import and the build all ask it).

use twente_kaart_core::date::{Date, Now};

/// The present: today's date and the instant (UTC), from the system clock.
pub fn now() -> Now {
    let t = time::OffsetDateTime::now_utc();
    let today = Date::new(t.year() as u16, u8::from(t.month()), t.day()).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    });
    Now {
        today,
        utc_seconds: t.unix_timestamp(),
    }
}
