// The baseline of scripts/bench/run-overhead.sh: the same creates and starts Tugboat makes for a
// chain of N containers, made back to back by a plain docker-java loop, nothing else. Run as a
// single-file program on the shaded jar's classpath (it carries docker-java):
//   java -cp target/tugboat.jar scripts/bench/PlainDockerLoop.java N PREFIX IMAGE LABEL
// Prints the epoch milliseconds just before the first create; the script takes the end from
// Docker's StartedAt of the last container.
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.Map;

public class PlainDockerLoop {
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    String prefix = args[1];
    String image = args[2];
    String label = args[3];
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost()).build();
    try (DockerClient client = DockerClientImpl.getInstance(config, http)) {
      client.pingCmd().exec();
      long start = System.currentTimeMillis();
      for (int i = 0; i < count; i++) {
        String id = client.createContainerCmd(image)
            .withName(prefix + "-" + i)
            .withLabels(Map.of(label, prefix))
            .withCmd("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done")
            .exec().getId();
        client.startContainerCmd(id).exec();
      }
      System.out.println(start);
    }
  }
}
