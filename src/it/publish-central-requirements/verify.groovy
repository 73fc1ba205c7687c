// What a district takes from Maven Central: a POM with every field Central requires, sources and
// javadoc jars beside the plugin, help from the plugin's own descriptor, and a release profile
// that refuses SNAPSHOT dependencies.
import groovy.xml.XmlSlurper
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory
import java.util.zip.ZipFile

def version = new XmlSlurper().parse(new File(basedir, 'pom.xml')).properties.'autosync.version'.text()
def dir = new File(localRepositoryPath, "dev/autosync/autosync-maven-plugin/$version")
def artifact = { String suffix -> new File(dir, "autosync-maven-plugin-$version$suffix") }

// 1. The POM as installed (what Central would serve): every field it requires, non-empty.
def pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(artifact('.pom'))
def xpath = XPathFactory.newInstance().newXPath()
def field = { String path -> xpath.evaluate("/*[local-name()='project']/" + path.split('/').collect { "*[local-name()='$it']" }.join('/'), pom).trim() }
def required = ['name', 'description', 'url', 'licenses/license/name', 'licenses/license/url',
                'developers/developer/name', 'developers/developer/email',
                'scm/url', 'scm/connection', 'scm/developerConnection', 'issueManagement/url']
def missing = required.findAll { field(it).isEmpty() }
assert missing.isEmpty() : "The published POM lacks what Maven Central requires: ${missing.join(', ')} (add them to pom.xml)"
['url', 'licenses/license/url', 'scm/url', 'issueManagement/url'].each {
    assert field(it).startsWith('https://') : "$it must be an https URL, is '${field(it)}'"
}
assert field('scm/connection').startsWith('scm:git:')
assert field('version') == version

// 2. Sources and javadoc jars beside the plugin jar, with content.
def entries = { String suffix ->
    def f = artifact(suffix)
    assert f.isFile() : "$f was not installed: mvn verify must build it"
    new ZipFile(f).withCloseable { z -> z.entries().collect { it.name } }
}
assert entries('.jar').contains('META-INF/maven/plugin.xml')
def sources = entries('-sources.jar')
['dev/autosync/maven/RenderMojo.java', 'dev/autosync/maven/AbstractAutosyncMojo.java'].each {
    assert sources.contains(it) : "sources jar lacks $it"
}
def javadoc = entries('-javadoc.jar')
['index.html', 'dev/autosync/maven/RenderMojo.html'].each { assert javadoc.contains(it) : "javadoc jar lacks $it" }

// 3. help, generated from the descriptor, lists every settable parameter of every goal.
def log = new File(basedir, 'build.log').text
def descriptor = new ZipFile(artifact('.jar')).withCloseable { z ->
    new XmlSlurper().parseText(z.getInputStream(z.getEntry('META-INF/maven/plugin.xml')).text)
}
descriptor.mojos.mojo.each { mojo ->
    assert log.contains("autosync:${mojo.goal}") : "help does not show goal ${mojo.goal}"
    mojo.parameters.parameter.findAll { it.editable.text() == 'true' }.each { p ->
        assert log =~ /(?m)^    ${p.name}( \(Default: .*\))?$/ : "help does not show ${mojo.goal}'s parameter ${p.name}"
    }
}

// 4. The release profile refuses a SNAPSHOT dependency, naming it (a real Maven run of this
//    plugin's POM: offline first, fast where the release profile's plugins were resolved before; online
//    when a fresh local repository lacks them, e.g. its central-publishing build extension).
def root = basedir.parentFile.parentFile.parentFile
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def releaseRun = { boolean offline ->
    def command = [mvn, '-B'] + (offline ? ['-o'] : []) + ['-f', new File(root, 'pom.xml').path, '-Prelease',
                   '-Denforcer.skipRules=requireReleaseVersion', '-Dduckdb.version=0.0.1-SNAPSHOT', 'validate']
    if (System.getProperty('maven.repo.local')) {
        command << "-Dmaven.repo.local=${System.getProperty('maven.repo.local')}".toString()
    }
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    def text = process.inputStream.text
    [process.waitFor(), text]
}
def (exit, output) = releaseRun(true)
if (exit != 0 && output.contains('in offline mode')) {
    (exit, output) = releaseRun(false)
}
new File(basedir, 'release-profile.log').text = output
assert exit != 0 : 'the release profile accepted a SNAPSHOT dependency (see release-profile.log)'
assert output.contains('org.duckdb:duckdb_jdbc:jar:0.0.1-SNAPSHOT <--- is not a release dependency') : output
assert output.contains('A release depends on releases only') : output
