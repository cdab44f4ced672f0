//! Proofreading: checks on every draft, generated or edited, with spans and fixes.
