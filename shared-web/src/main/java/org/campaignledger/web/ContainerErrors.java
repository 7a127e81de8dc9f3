package org.campaignledger.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Tomcat with {@link ProblemReportValve} as its host's error report valve, so that even the requests
 * the container refuses itself are answered with a problem document. Every {@code server.*} setting still applies:
 * Spring Boot's customizers configure this factory as they would its own. Each service imports it.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        return new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                ((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemReportValve.class.getName());
                return super.getTomcatWebServer(tomcat);
            }
        };
    }
}
