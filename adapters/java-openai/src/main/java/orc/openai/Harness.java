package orc.openai;

import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.Properties;
import orc.harness.Stainless;

/**
 * Harness for com.openai:openai-java: the Responses stream events through ResponseStreamEvent, the union its
 * stream hands every event as, read and written by the SDK's own mapper (ObjectMappers.jsonMapper(), the
 * client's default). The protocol and the Stainless conventions are ../_harness-lib/java, which walks the
 * union's members for the event types it models; this file names the SDK's pieces.
 */
public final class Harness {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    try (var in = Harness.class.getResourceAsStream("/orc-harness.properties")) {
      p.load(in);
    }
    Stainless.Sdk sdk = new Stainless.Sdk();
    sdk.name = "com.openai:openai-java";
    sdk.version = p.getProperty("sdk.version");
    sdk.mapper = ObjectMappers.jsonMapper();
    sdk.union = ResponseStreamEvent.class;
    sdk.invalidData = OpenAIInvalidDataException.class;
    Stainless.serve(sdk);
  }
}
