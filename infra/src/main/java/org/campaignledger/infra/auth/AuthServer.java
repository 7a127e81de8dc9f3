package org.campaignledger.infra.auth;

import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The embedded stack's identity provider: a real Spring Authorization Server issuing signed JWTs for the
 * demo accounts. Production points the services at any OIDC provider instead (README "Sign-in").
 */
@SpringBootConfiguration
// The MongoDB driver is on this module's classpath for the benchmark's baselines, not for the identity provider.
@EnableAutoConfiguration(exclude = {UserDetailsServiceAutoConfiguration.class, MongoAutoConfiguration.class})
public class AuthServer {

    public static ConfigurableApplicationContext start(int port, String demoSecret) {
        // Command-line arguments outrank any application.yml that happens to be on the classpath.
        return new SpringApplicationBuilder(AuthServer.class)
                .run("--server.port=" + port,
                        "--spring.application.name=auth-server",
                        "--spring.main.banner-mode=off",
                        "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
                        "--ledger.auth.demo-secret=" + demoSecret,
                        "--ledger.auth.token-ttl=12h");
    }

    @Bean
    RegisteredClientRepository demoClients(@Value("${ledger.auth.demo-secret}") String secret,
                                           @Value("${ledger.auth.token-ttl}") Duration ttl) {
        return new InMemoryRegisteredClientRepository(DemoAccounts.ALL.stream()
                .map(account -> RegisteredClient.withId(UUID.nameUUIDFromBytes(account.clientId().getBytes()).toString())
                        .clientId(account.clientId())
                        .clientSecret("{noop}" + DemoAccounts.secretOf(account, secret))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("ledger")
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build())
                        .build())
                .toList());
    }

    /** Tokens name the person and the roles; the services take the actor from here, never from a payload. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personAndRoles() {
        return context -> DemoAccounts.byClientId(context.getRegisteredClient().getClientId()).ifPresent(account -> {
            context.getClaims().claim("person_id", account.personId());
            context.getClaims().claim("roles", account.roles());
        });
    }
}
