//! The small checks on strings that several modules need (links, the boundary import, validation): a leaf
//! module, so none of them has to import the validator.

/// A plausible e-mail address: one `@`, a dot in the domain, no spaces or markup characters.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let ok = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    !local.is_empty()
        && local.chars().all(ok)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A plausible phone number: 6 to 15 digits, optionally with spaces, dashes, parentheses and a leading +.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && s.chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0))
}

/// An item or site id: 1–64 lowercase letters, digits and dashes (it goes into links).
pub fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Bidirectional overrides and zero-width characters can make text read differently than it is stored.
pub fn has_hidden_characters(s: &str) -> bool {
    s.chars().any(is_hidden)
}

fn is_hidden(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A value quoted in a message (an id, a code), with invisible, direction-changing and control characters
/// written as `\u{…}`: otherwise "unknown code `GM0153`" names a code that looks right but is not.
///
/// ```
/// use twente_kaart_core::checks::visible;
/// assert_eq!(visible("GM0153\u{200b}"), "GM0153\\u{200b}");
/// ```
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| {
            if is_hidden(c) || c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
