package io.sessionfriction.bench;

/** Something that publishes the whole corpus to a fresh topic of the broker and says how long it took. */
public interface Contender {

    String name();

    /** Publishes the corpus once on fresh topics named after {@code round}, verifies the count and removes them. */
    RunResult run(Corpus corpus, int round) throws Exception;
}
