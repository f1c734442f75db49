package io.sessionfriction.evaluation;

/**
 * One labelled line of a transcript: friction of a kind, or a line that looks like friction but is not.
 *
 * @param file     path relative to the sessions root, '/' separated
 * @param line     1-based line number, for readers (checked against the uuid when loaded)
 * @param uuid     the line's uuid: what the label is keyed by
 * @param friction true for friction, false for a line that is not
 * @param kind     a kind of {@link FrictionKinds}
 * @param why      a short reason, for whoever reviews the labels or a missed or false alert
 */
public record Label(String file, int line, String uuid, boolean friction, String kind, String why) {
}
