def log = new File(basedir, 'build.log').text

assert log.contains('1 file, 3 documents: 3 valid, 0 invalid (profile app)')
assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] catalog-info.yaml:8:10: component:default/orders: spec.owner: ownedBy relation to '
    + 'group:default/ghost-team, which is not in the catalog')
assert log.contains('[ERROR] catalog-info.yaml:11:1: component:default/billing: spec.dependsOn: dependsOn cycle: '
    + 'component:default/billing -> component:default/orders -> component:default/billing')
assert log.contains('portolan:check found 2 errors:')

def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/portolan/TEST-portolan-check.xml'))
assert junit.@failures == '2'
assert junit.testsuite.testcase.failure*.@type*.toString().sort() == ['portolan/dangling-relation',
    'portolan/depends-on-cycle']
def failed = junit.testsuite.testcase.findAll { it.failure.size() > 0 }
assert failed*.@name*.toString().sort() == ['component:default/billing', 'component:default/orders']
assert failed*.@file*.toString().unique() == ['catalog-info.yaml']
return true
