package org.campaignledger.command.pipeline;

import java.util.List;
import org.campaignledger.kernel.json.StrictJson;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read with {@link StrictJson}: a repeated key, a trailing document or a coerced value is a 400
 * problem before any controller runs. Only the MVC converter gets the strict copy; the global mapper stays as Axon's
 * serializer and the Kafka converter need it for the JSON this service wrote itself.
 */
@Component
class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(StrictJson.copyOf(jackson.getObjectMapper()));
            }
        }
    }
}
