package io.wabridge.processor.handover.chatwoot;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code chatwoot} handover provider as a bean, so endpoints and start markers can name it. */
@Configuration(proxyBeanMethods = false)
class ChatwootConfiguration {

    @Bean("chatwoot")
    ChatwootHandoverProvider chatwootHandoverProvider() {
        return new ChatwootHandoverProvider();
    }
}
