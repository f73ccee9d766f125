package io.wabridge.sandbox.graph;

/** Aborts a Graph request with Meta's error; rendered by {@link GraphController}. */
class GraphApiException extends RuntimeException {

    private final transient GraphError error;

    GraphApiException(GraphError error) {
        super(error.message() + ": " + error.details(), null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }
}
