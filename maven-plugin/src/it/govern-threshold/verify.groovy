def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log.contains('portolan:govern failed:')
assert log.contains('1 finding at or above high:')
assert log =~ /catalog-info\.yaml:16:1: component:default\/indexer: high TEAM-01: component:default\/indexer must name its system/
assert log =~ /\[WARNING\] catalog-info\.yaml:14:1: component:default\/indexer: low TEAM-02: .*/

def junit = new File(basedir, 'target/portolan/governance.xml')
assert junit.isFile()
assert new File(basedir, 'target/portolan/governance.md').text.contains('TEAM-01')
return true
