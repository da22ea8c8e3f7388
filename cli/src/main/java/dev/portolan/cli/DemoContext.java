package dev.portolan.cli;

import java.io.PrintWriter;

/**
 * What every demo step gets: the extracted sample organisation and where to write.
 *
 * @param sample the sample organisation, copied to a folder
 * @param out standard output
 * @param err standard error
 */
record DemoContext(DemoSample sample, PrintWriter out, PrintWriter err) {}
