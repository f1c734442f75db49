package io.sessionfriction.processor.activity;

/** What one event adds to its block besides itself: 0 or 1 tool use, 0 or 1 error. */
record EventCounts(long toolUses, long errors) {
}
