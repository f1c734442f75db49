package io.sessionfriction.kafka;

/** No broker of the cluster answered within the bound: the address is wrong, or the cluster is down. */
public final class BrokerUnreachableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BrokerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
