//! The HR-manager survey chart (rule T4) with today marked.
