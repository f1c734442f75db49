package io.sessionfriction.processor.progress;

/** How a command ended, from its tool_result. */
public enum Outcome {
    /** no tool_result yet. */
    RUNNING,
    OK,
    /** non-zero exit ("Exit code N") or another tool error. */
    ERROR,
    /** the user interrupted it ({@code interrupted:true}). */
    INTERRUPTED,
    /** reached its timeout and was moved to the background: not an error. */
    BACKGROUNDED
}
