package org.campaignledger.kernel.command;

import java.time.Instant;

/**
 * An event raised by the system (a deadline), not by a person: its envelope names the actor SYSTEM and its
 * business time is the instant the deadline was due (DOMAIN §3.4, DOMAIN-ERRATA B9).
 */
public interface SystemTriggered {
    Instant triggeredAt();
}
