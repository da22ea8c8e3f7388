def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/portolan')

assert log.contains('2 files, 5 documents: 5 valid, 0 invalid (profile app)')
assert log.contains('5 entities, 0 errors, 0 warnings (profile app)')
assert log.contains('BUILD SUCCESS')

def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-portolan-check.xml'))
assert junit.@tests == '2'
assert junit.@failures == '0'
assert junit.testcase*.@name*.toString() == ['catalog/catalog-info.yaml', 'catalog/ledger/catalog-info.yml']

def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'validate.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.isEmpty()

def governance = new groovy.json.JsonSlurper().parse(new File(reports, 'governance.json'))
assert governance.asOf == '2026-07-01'
assert governance.entities == 5
assert new File(reports, 'governance.sarif').isFile()
return true
