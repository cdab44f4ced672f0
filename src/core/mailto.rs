//! Sending helpers: mailto: URLs (RFC 6068) and plain text for the clipboard.
