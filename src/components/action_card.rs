//! One planned action: what, to whom, channel, window, why; done, snooze, dismiss, draft.
