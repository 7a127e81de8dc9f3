package org.campaignledger.query.platform;

import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Numbers and booleans in query parameters as written in JSON only: Spring would also read {@code 0x10} as 16,
 * {@code +5} as 5 and {@code yes}, {@code on} or {@code 1} as true. Anything else is a 400 problem naming the
 * parameter, like a value of the wrong type.
 */
@Component
class StrictParameterValues implements WebMvcConfigurer {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Integer.class, (Converter<String, Integer>) text ->
                text.isEmpty() ? null : Integer.valueOf(integer(text)));
        registry.addConverter(String.class, Long.class, (Converter<String, Long>) text ->
                text.isEmpty() ? null : Long.valueOf(integer(text)));
        registry.addConverter(String.class, Boolean.class, (Converter<String, Boolean>) text -> switch (text) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        });
    }

    private static String integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal integer");
        }
        return text;
    }
}
