//! The HR-manager survey on follow-up timing (rule T4) and where today falls on it.
