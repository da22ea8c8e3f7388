def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/portolan')

assert log.contains('2 files, 5 documents: 5 valid, 0 invalid (profile app)')
assert log.contains('5 entities, 0 errors, 0 warnings (profile app)')
assert log.contains('BUILD SUCCESS')

// one suite per check, one test case per entity in each: 5 entities x 9 checks
def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-portolan-check.xml'))
assert junit.name() == 'testsuites'
assert junit.@tests == '45'
assert junit.@failures == '0'
assert junit.testsuite.size() == 9
def danglingCases = junit.testsuite.find { it.@name == 'portolan/dangling-relation' }.testcase
assert danglingCases*.@name*.toString().sort() == ['api:default/payments', 'component:default/ledger',
    'component:default/payments-api', 'group:default/payments-team', 'system:default/payments']
assert danglingCases.find { it.@name == 'component:default/ledger' }.@file == 'catalog/ledger/catalog-info.yml'

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'validate.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.rules*.id == ['portolan/invalid-entity']
assert sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri == basedir.toPath().toAbsolutePath().normalize().toUri().toString()

def governance = new groovy.json.JsonSlurper().parse(new File(reports, 'governance.json'))
assert governance.asOf == '2026-07-01'
assert governance.entities == 5
assert new File(reports, 'governance.sarif').isFile()
return true
