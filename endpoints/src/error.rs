//! The one error type of the library.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong while reading a spec or an inventory.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read.
    Io {
        /// The file that was being read.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The spec is not well-formed YAML.
    Yaml(String),
    /// The spec is YAML, but not an OpenAPI document this tool understands.
    Spec(String),
    /// A line of an inventory file could not be understood.
    Inventory {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Yaml(message) => write!(f, "invalid YAML: {message}"),
            Error::Spec(message) => write!(f, "unsupported spec: {message}"),
            Error::Inventory { line, message } => write!(f, "inventory line {line}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
