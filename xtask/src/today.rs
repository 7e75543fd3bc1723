//! Today's date for the dev tools' expiry checks (a leaf module: the data check, the CSV import and the
//! build all ask it).

use twente_kaart_core::date::Date;

/// Today's date (UTC), from the system clock.
pub fn today() -> Date {
    let now = time::OffsetDateTime::now_utc().date();
    Date::new(now.year() as u16, u8::from(now.month()), now.day()).unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}
