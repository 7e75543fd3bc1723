//! Errors of loading a data file, with the file and the place a person must look at.

use crate::reason::{GeometryProblem, Reason};
use thiserror::Error;

/// A 1-based line and column in a data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

/// Why a whole data file could not be used. Item-level problems are [`crate::validate::Problem`]s instead:
/// they skip one item, not the file.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum DataError {
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: this is an HTML page, not JSON (is the path right, or did the server answer with an error page?)")]
    Html { file: String },
    #[error("{file}, line {line}: not valid UTF-8 at byte {offset} (save the file as UTF-8)")]
    Encoding {
        file: String,
        offset: usize,
        line: usize,
    },
    #[error("{file}, line {}, column {}: {reason}", at.line, at.column)]
    Syntax {
        file: String,
        at: Location,
        reason: Reason,
    },
    #[error("{file}: no municipalities (zero features)")]
    NoMunicipalities { file: String },
    #[error("{file}, feature {feature}: {problem}")]
    Geometry {
        file: String,
        feature: String,
        problem: GeometryProblem,
    },
}

impl DataError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            DataError::Empty { file }
            | DataError::Html { file }
            | DataError::Encoding { file, .. }
            | DataError::Syntax { file, .. }
            | DataError::NoMunicipalities { file }
            | DataError::Geometry { file, .. } => file,
        }
    }

    pub(crate) fn from_json(file: &str, err: &serde_json::Error) -> DataError {
        if err.is_eof() && err.line() <= 1 && err.column() == 0 {
            return DataError::Empty { file: file.into() };
        }
        DataError::Syntax {
            file: file.into(),
            at: Location {
                line: err.line(),
                column: err.column(),
            },
            reason: Reason::from_serde(&strip_position(&err.to_string())),
        }
    }
}

/// serde_json appends " at line L column C"; the location is kept in its own fields instead.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Decodes a data file's bytes: rejects invalid UTF-8, an empty file and an HTML page; strips a BOM
/// (which spreadsheet programs and Windows editors write).
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        DataError::Encoding {
            file: file.into(),
            offset,
            line,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(DataError::Empty { file: file.into() });
    }
    if start.starts_with('<') {
        return Err(DataError::Html { file: file.into() });
    }
    Ok(text)
}

/// Line and column of increasing offsets in one text, counting each newline once: the items of a 20,000-item
/// file are located in linear time (calling [`location_of`] per item would rescan the file from the start).
pub struct LineCounter<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> LineCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The location of `offset`, which must not be smaller than the previous one (else it starts over).
    pub fn locate(&mut self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = LineCounter::new(self.text);
        }
        let bytes = &self.text.as_bytes()[self.offset..offset];
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        let column = self
            .text
            .get(self.line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Location {
            line: self.line,
            column,
        }
    }
}

/// The 1-based line and column of a byte offset in `text`.
pub fn location_of(text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    Location { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_counter_agrees_with_location_of() {
        let text = "{\n  \"a\": 1,\n  \"bé\": [\n    2\n  ]\n}\n";
        let mut counter = LineCounter::new(text);
        for offset in [0, 3, 4, 12, 15, 20, 25, text.len()] {
            assert_eq!(
                counter.locate(offset),
                location_of(text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(
            counter.locate(2),
            location_of(text, 2),
            "going back starts over"
        );
    }
}
