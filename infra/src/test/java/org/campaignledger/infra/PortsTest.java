package org.campaignledger.infra;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void a_taken_port_fails_fast_naming_the_property_to_change() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "ledger.stack.kafka-port"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("ledger.stack.kafka-port");
        }
    }

    @Test
    void a_free_port_passes() {
        assertThatCode(() -> Ports.requireFree(Ports.free(), "ledger.stack.mongo-port")).doesNotThrowAnyException();
    }
}
