package org.campaignledger.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails fast, naming the property to change, when a port the stack needs is taken. */
public final class Ports {
    private Ports() {
    }

    public static void requireFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new PortInUseException("port " + port + " is already in use; set " + property
                    + " (or its environment variable) to a free port");
        }
    }

    /** A free loopback port chosen by the operating system, for tests that run beside a live stack. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
