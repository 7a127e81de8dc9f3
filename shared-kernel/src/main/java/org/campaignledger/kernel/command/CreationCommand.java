package org.campaignledger.kernel.command;

/** A command that creates its aggregate; the API assigns a UUIDv7 identifier when the client sends none. */
public interface CreationCommand extends LedgerCommand {
}
