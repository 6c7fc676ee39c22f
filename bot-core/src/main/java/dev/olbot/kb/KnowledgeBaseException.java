package dev.olbot.kb;

/**
 * A knowledge base that cannot be used. The message names the file, the entry and the field, e.g.
 * {@code faq/knowledge-base.yaml: entry 'delivery-time' (#3): field 'answer': is missing}.
 */
public final class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
