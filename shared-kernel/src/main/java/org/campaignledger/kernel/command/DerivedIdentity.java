package org.campaignledger.kernel.command;

/**
 * A creation command whose aggregate id is derived from its other fields (e.g. {@code campaignId:batchNo:unitId}),
 * so the API never assigns one.
 */
public interface DerivedIdentity extends CreationCommand {
}
