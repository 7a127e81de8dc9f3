package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A command as it arrived over HTTP, before its envelope is taken apart from its payload. */
record CommandRequest(String commandType, ObjectNode body, String idempotencyKey, String ifMatch,
                      String correlationId, Actor actor) {
}
