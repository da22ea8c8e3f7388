/** Examples of the scaffolder: running a template from Java, with a custom action and a custom filter. */
package dev.portolan.examples.scaffolder;
