//! A content hash for file names (`panels-<hash>.html`, `loader-<hash>.js`): FNV-1a, 64 bits. Not for
//! security; only so that a changed file gets a new name and caches can keep the old one forever.

/// The FNV-1a hash of `s` as 16 hex digits.
///
/// ```
/// assert_eq!(twente_kaart_core::hash::fnv_hex(""), "cbf29ce484222325");
/// ```
pub fn fnv_hex(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}
