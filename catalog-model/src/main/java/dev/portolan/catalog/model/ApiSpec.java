package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of an {@code API}, including the {@code mcp-server} type of the catalog model layer.
 *
 * @param type the API type, e.g. {@code openapi} or {@code mcp-server}
 * @param lifecycle the lifecycle
 * @param owner the owner ref
 * @param system the system ref
 * @param definition the definition text (absent for {@code mcp-server})
 * @param remotes the transport endpoints of an {@code mcp-server}
 */
public record ApiSpec(String type, String lifecycle, String owner, Optional<String> system,
    Optional<String> definition, List<McpRemote> remotes) implements KindSpec {

  /**
   * Copies the list.
   *
   * @param type the API type, e.g. {@code openapi} or {@code mcp-server}
   * @param lifecycle the lifecycle
   * @param owner the owner ref
   * @param system the system ref
   * @param definition the definition text (absent for {@code mcp-server})
   * @param remotes the transport endpoints of an {@code mcp-server}
   */
  public ApiSpec {
    remotes = List.copyOf(remotes);
  }

  /**
   * Whether this is an MCP server ({@code spec.type: mcp-server}, exact case).
   *
   * @return true for MCP servers
   */
  public boolean isMcpServer() {
    return "mcp-server".equals(type);
  }

  /**
   * One transport endpoint of an MCP server.
   *
   * @param type the transport, e.g. {@code streamable-http}
   * @param url the endpoint
   */
  public record McpRemote(String type, String url) {}
}
