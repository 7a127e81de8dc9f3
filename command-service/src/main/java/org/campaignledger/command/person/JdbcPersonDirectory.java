package org.campaignledger.command.person;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.campaignledger.command.organisation.domain.PersonDirectory;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.person.PersonEvent.PersonRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The registered persons, by id only (no personal data), kept in the transaction that registers them. */
@Component
@ProcessingGroup("command-lookups")
public class JdbcPersonDirectory implements PersonDirectory {
    private final JdbcTemplate jdbc;

    public JdbcPersonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(PersonId personId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM person_directory WHERE person_id = ?",
                Integer.class, personId.value());
        return count != null && count > 0;
    }

    @EventHandler
    void on(PersonRegistered event) {
        jdbc.update("INSERT INTO person_directory (person_id) VALUES (?)", event.personId().value());
    }
}
