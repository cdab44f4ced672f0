//! The planner: (processes, settings, now) -> follow-up actions, one rule at a time.
