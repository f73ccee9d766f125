package io.wabridge.processor.output;

/** A reply option: what the user sees ({@code title}) and what comes back to the flow ({@code id}). */
record Choice(String title, String id, String description) {
}
