package org.campaignledger.kernel.command;

/**
 * A command of the ledger. Its target aggregate is the component annotated with Axon's
 * {@code @TargetAggregateIdentifier}; the envelope (commandId, expected version, actor) travels as
 * message metadata, never in the payload.
 */
public interface LedgerCommand {
}
