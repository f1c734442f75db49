package io.sessionfriction.processor.event;

/** What parsing a {@link TranscriptLine} gives: a usable event, or a dead letter saying why not. */
public sealed interface ParsedLine permits SessionEvent, DeadLetter {
}
