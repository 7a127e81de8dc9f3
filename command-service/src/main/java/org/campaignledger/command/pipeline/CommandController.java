package org.campaignledger.command.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.kernel.Catalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One endpoint per command type, {@code POST /api/commands/{CommandType}}, with the command's fields as the
 * JSON body plus the optional envelope fields {@code commandId}, {@code expectedVersion}, {@code occurredAt}.
 */
@RestController
@RequestMapping("/api/commands")
class CommandController {
    private final CommandPipeline pipeline;

    CommandController(CommandPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Operation(summary = "Send a command", description = "The body holds the command's fields; commandId makes "
            + "it idempotent, expectedVersion (or If-Match) guards against lost updates.")
    @PostMapping(path = "/{commandType}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> send(@PathVariable String commandType, @RequestBody ObjectNode body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
                                @RequestHeader(name = "X-Channel", required = false) String channel,
                                JwtAuthenticationToken principal) {
        return pipeline.execute(new CommandRequest(commandType, body, idempotencyKey, ifMatch, correlationId,
                actorOf(principal, channelOf(channel)), null)).toResponse();
    }

    @Operation(summary = "List the command types and their fields")
    @GetMapping
    Map<String, List<String>> catalog() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Catalog.commands().forEach((name, type) -> commands.put(name,
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()));
        return commands;
    }

    private static Actor actorOf(JwtAuthenticationToken principal, String channel) {
        List<String> roles = principal.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).sorted().toList();
        return new Actor(principal.getName(), roles, channel);
    }

    private static String channelOf(String header) {
        return header == null ? "WEB" : switch (header.trim().toUpperCase()) {
            case "MOBILE", "IMPORT" -> header.trim().toUpperCase();
            default -> "WEB";
        };
    }
}
