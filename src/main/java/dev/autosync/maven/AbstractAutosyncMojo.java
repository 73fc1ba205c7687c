package dev.autosync.maven;

import dev.autosync.config.PropertyNames;
import dev.autosync.pipeline.InvalidPipelineSpecException;
import dev.autosync.render.InvalidSettingsException;
import dev.autosync.render.ManifestException;
import dev.autosync.render.TemplateException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;

/**
 * The base of every goal: handles {@code autosync.skip} / {@code autosync.<goal>.skip}, then runs
 * the goal and maps core exceptions to Maven's in one place: a problem in the user's project
 * (configuration, spec, templates, a failed check) fails the build; an environment fault is an error.
 */
public abstract class AbstractAutosyncMojo extends AbstractMojo {

    /** Skips every autosync goal. */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    /** Where render writes the SQL and later goals read it. */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/autosync")
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The goal's name, as in {@code autosync:<name>}. */
    protected abstract String goalName();

    /** Whether {@code autosync.<goal>.skip} is set. */
    protected abstract boolean goalSkipped();

    protected abstract void doExecute() throws Exception;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping autosync:" + goalName() + " because " + PropertyNames.SKIP + " is set");
            return;
        }
        if (goalSkipped()) {
            getLog().info("Skipping autosync:" + goalName() + " because autosync." + goalName() + ".skip is set");
            return;
        }
        try {
            doExecute();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (InvalidSettingsException | InvalidPipelineSpecException | TemplateException | ManifestException
                 | dev.autosync.warehouse.InvalidConnectionException | dev.autosync.warehouse.DeployException
                 | dev.autosync.warehouse.WarehouseException | dev.autosync.e2e.E2eException
                 | dev.autosync.backfill.BackfillException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UserFacingException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("autosync:" + goalName() + " failed: " + e.getMessage(), e);
        }
    }

    /** A relative path for messages when the file is inside the project. */
    protected String display(File f) {
        if (project != null && project.getBasedir() != null) {
            try {
                return project.getBasedir().toPath().toAbsolutePath().relativize(f.toPath().toAbsolutePath()).toString();
            } catch (IllegalArgumentException e) {
                return f.toString();
            }
        }
        return f.toString();
    }
}
