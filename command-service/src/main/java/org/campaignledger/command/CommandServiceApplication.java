package org.campaignledger.command;

import org.campaignledger.web.ContainerErrors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(ContainerErrors.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class CommandServiceApplication {
    public static void main(String[] args) {
        // An audit system does not phone home; set the property to false to allow Axon's update check.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
