package org.campaignledger.query.access;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Read access for every /api query: the reader of the request, resolved from the read models. */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    Readers readers(MongoTemplate mongo, Clock businessClock, List<RoleSource> sources) {
        return new Readers(mongo, businessClock, sources);
    }

    @Bean
    ReadAccess readAccess(Readers readers) {
        return new ReadAccess(readers::current);
    }

    @Bean
    WebMvcConfigurer readAccessInterceptor(ReadAccess access) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ReadAccessInterceptor(access)).addPathPatterns("/api/**");
            }
        };
    }
}
